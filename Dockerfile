# Multi-stage build of the operator image. Runs as a non-root user and needs no writable root filesystem
# (only /tmp, mounted as an emptyDir in config/manager/deployment.yaml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Entities/Entities.csproj src/Entities/
COPY src/Operator/Operator.csproj src/Operator/
RUN dotnet restore src/Operator/Operator.csproj
COPY src/Entities/ src/Entities/
COPY src/Operator/ src/Operator/
RUN dotnet publish src/Operator/Operator.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["dotnet", "/app/ecs-operator.dll"]
CMD ["run"]
