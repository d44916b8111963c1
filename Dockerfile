# Build and test with the SDK, run on the slim ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/QualityWatch/QualityWatch.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The database lives on a volume; listen on all interfaces inside the container,
# which makes Ingest:ApiKeys mandatory (pass Ingest__ApiKeys__0).
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Storage__DatabasePath=/data/qualitywatch.db
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "QualityWatch.dll"]
