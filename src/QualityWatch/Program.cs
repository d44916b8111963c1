using QualityWatch.Hosting;

// Composition only: each stage of the data flow registers itself through an AddXyz extension.
return QualityWatchApp.Run(args);
