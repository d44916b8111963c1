using QualityWatch.Simulator.Hosting;

// One binary, one command per simulated party: `judge` serves the Gemini and OpenAI judge protocols.
if (args is ["judge", .. var rest])
{
    return JudgeSimulatorApp.Run(rest);
}

Console.Error.WriteLine("usage: QualityWatch.Simulator judge [--urls http://127.0.0.1:8090] [--Simulator:Key value] [--Faults:Key value]");
return 1;
