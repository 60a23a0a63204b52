# Multi-stage build of the operator image: `docker buildx build --platform linux/amd64,linux/arm64 -t ... .`
# (docs/install.md). The build stage runs on the builder's own platform and cross-compiles for the target one
# (TARGETARCH, set by BuildKit; `dotnet -a amd64` means linux-x64): the publish is framework-dependent and
# ReadyToRun, with the operator's and its packages' code precompiled for that architecture, so that the start JITs
# less (docs/performance.md, startup).
#
# tests/Operator.IntegrationTests/Image replays the build stage (WORKDIR, COPY, ARG TARGETARCH and RUN dotnet lines, in order, with
# .dockerignore) into a temp folder, and runs the result as the runtime stage's USER with a read-only root filesystem
# and a writable /tmp only. Keep the build stage to those instructions so that the replay stays exact.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Entities/Entities.csproj src/Entities/
COPY src/Operator/Operator.csproj src/Operator/
RUN dotnet restore src/Operator/Operator.csproj -a $TARGETARCH -p:PublishReadyToRun=true
COPY src/Entities/ src/Entities/
COPY src/Operator/ src/Operator/
# Not trimmed: KubernetesClient's JSON is reflection-based. Invariant globalization: the chiseled image has no ICU.
RUN dotnet publish src/Operator/Operator.csproj -c Release --no-restore -a $TARGETARCH --self-contained false -o /app -p:UseAppHost=false -p:PublishTrimmed=false -p:PublishReadyToRun=true -p:InvariantGlobalization=true

# Chiseled Ubuntu 24.04 with the ASP.NET Core runtime: no shell, no package manager. Pinned by digest; this digest is
# the one public Dockerfiles pin for aspnet:10.0-noble-chiseled. No registry is reachable where this file was written,
# so refresh it with `docker buildx imagetools inspect mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled` before a
# release, and take the index digest so that both platforms resolve.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled@sha256:9651fa59abcdf177c30392cb44a820605ca5d618429ab37acbf6e7c644510b02 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Writes nothing but /tmp (an emptyDir in config/manager/deployment.yaml): diagnostics IPC off, workstation GC.
# GC settings (docs/performance.md has the figures): workstation GC, as the csproj sets, because server GC kept more
# memory at every object count measured; concurrent GC stays on, because without it RSS at 2,000 cached objects went
# from 156 to 201 MB. GCgen0size caps the gen0 budget at 4 MB (hex): by default it follows the L3 cache size, tens of
# MB on server CPUs, all of it committed between collections: 156 -> 144 MB at 2,000 objects. It is read from the
# environment only (System.GC.Gen0Size in runtimeconfig.json was measured to have no effect), hence here. The heap
# hard limit is left to the runtime, which takes 75% of the container's memory limit (512Mi in the manifests).
# Tiered compilation is off in the published runtimeconfig.json (Operator.csproj: the ReadyToRun code is final).
# tests/Operator.Benchmarks applies these DOTNET_ lines to the operator it measures (except EnableDiagnostics).
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x400000
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["dotnet", "/app/ecs-operator.dll"]
CMD ["run"]
