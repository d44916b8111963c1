# QualityWatch container: built on the .NET SDK image, run on the slim ASP.NET runtime as a
# non-root user. deploy/publish-check.sh replays the build stage's WORKDIR/COPY/RUN lines below,
# read from this file, outside Docker, then starts the app with the runtime stage's environment.
#   docker build -t qualitywatch .
#   docker run -d -p 8080:8080 -v qualitywatch-data:/data \
#     -e Auth__Keys__0__Name=shipper -e Auth__Keys__0__Key=<key of 16+ chars> -e Auth__Keys__0__Roles__0=ingest \
#     -e GEMINI_API_KEY=<key> qualitywatch

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone, so a source change does not re-download packages.
# Every project the service references must be here too (the demo's judge simulator).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/QualityWatch/QualityWatch.csproj src/QualityWatch/
COPY src/QualityWatch.Simulator/QualityWatch.Simulator.csproj src/QualityWatch.Simulator/
RUN dotnet restore src/QualityWatch/QualityWatch.csproj
COPY . .
RUN dotnet publish src/QualityWatch/QualityWatch.csproj --no-restore -c Release -p:UseAppHost=false -o /app

# Optional: `docker build --target test .` runs the test suite in the SDK image. The deploy
# tests need the host's systemd-analyze and run in CI instead.
FROM build AS test
RUN dotnet test QualityWatch.sln -c Release --filter "FullyQualifiedName!~Deploy"

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The database lives on the volume. Listening on all interfaces makes Auth:Keys mandatory
# (pass Auth__Keys__0__Name, __Key and __Roles__0); the judge key comes as GEMINI_API_KEY or OPENAI_API_KEY.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Storage__DatabasePath=/data/qualitywatch.db
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
# Liveness through the app itself: the runtime image has no curl.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/QualityWatch.dll", "healthcheck"]
# SIGTERM starts the graceful stop; give `docker stop -t` more than Shutdown:Timeout (30 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/QualityWatch.dll"]
