# Multi-stage build of the operator image: `docker buildx build --platform linux/amd64,linux/arm64 -t ... .`
# (docs/install.md). The publish is native AOT (docs/performance.md, memory): one self-contained executable, no JIT and
# no .NET runtime in the image. The native compiler links for the architecture it builds for, so each platform's build
# stage runs on that platform's AOT SDK image (which carries clang and the native libraries), under emulation for the
# other architecture, rather than cross-compiling from the builder's (TARGETARCH, set by BuildKit; `dotnet -a amd64`
# means linux-x64).
#
# tests/Operator.IntegrationTests/Image replays the build stage (WORKDIR, COPY, ARG TARGETARCH and RUN dotnet lines, in order, with
# .dockerignore) into a temp folder, and runs the result as the runtime stage's USER with a read-only root filesystem
# and a writable /tmp only. Keep the build stage to those instructions so that the replay stays exact.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Entities/Entities.csproj src/Entities/
COPY src/Operator/Operator.csproj src/Operator/
RUN dotnet restore src/Operator/Operator.csproj -a $TARGETARCH -p:PublishAot=true
COPY src/Entities/ src/Entities/
COPY src/Operator/ src/Operator/
# Native AOT with the trimming roots of Operator.csproj. No debug symbols and no XML docs in the image (they serve the
# debugger and `crds`, which runs from the source tree). Invariant globalization: the chiseled image has no ICU.
RUN dotnet publish src/Operator/Operator.csproj -c Release --no-restore -a $TARGETARCH -o /app -p:PublishAot=true -p:InvariantGlobalization=true -p:DebugType=none -p:DebugSymbols=false -p:GenerateDocumentationFile=false

# Chiseled Ubuntu 24.04 with only what a native .NET executable needs (runtime-deps: libc, OpenSSL, CA certificates):
# no shell, no package manager, no .NET runtime. Pinned by digest; no registry is reachable where this file was written,
# and public Dockerfiles pin several digests of this tag over time: this one is among them, but refresh it with
# `docker buildx imagetools inspect mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled` before a release, and
# take the index digest so that both platforms resolve.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled@sha256:18d4848091a40d13dbfdd6a8340c1657dc3e2f2d7fa2f042e9d162e68669dbc9 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Writes nothing but /tmp (an emptyDir in config/manager/deployment.yaml): diagnostics IPC off, workstation GC.
# GC settings (docs/performance.md has the figures): workstation GC, as the csproj sets, because server GC kept more
# memory at every object count measured; concurrent GC stays on, because without it RSS at 2,000 cached objects went
# from 156 to 201 MB. GCgen0size caps the gen0 budget at 4 MB (hex): by default it follows the L3 cache size, tens of
# MB on server CPUs, all of it committed between collections: 156 -> 144 MB at 2,000 objects. It is read from the
# environment only (System.GC.Gen0Size in runtimeconfig.json was measured to have no effect), hence here. The heap
# hard limit is left to the runtime, which takes 75% of the container's memory limit (512Mi in the manifests).
# tests/Operator.Benchmarks applies these DOTNET_ lines to the operator it measures (except EnableDiagnostics).
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x400000
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/app/ecs-operator"]
CMD ["run"]
