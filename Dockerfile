# relata, CPU image: libtorch (pytorch-native-cpu) from Maven Central, Temurin 17 JRE.
#
#   docker build -t relata:0.1.0 .
#   docker run --rm -p 8080:8080 --read-only -v relata-home:/var/lib/relata relata:0.1.0
#
# Needs BuildKit (the default builder since Docker 23) for the Maven cache mount.
# Everything Java comes from Maven Central through the wrapper; nothing else is downloaded.
#
# Kept in step with scripts/layered-smoke.sh, which CI runs instead of building this image: it reads the
# extract command, the runtime ENV lines and the ENTRYPOINT from this file and starts the extracted layout
# exactly so. Keep each of those on one line. Dockerfile.cuda must match them too (the script checks).

ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
COPY scripts/bake-libtorch.sh scripts/
# Tests run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp package -DskipTests
# layered-smoke: extract
RUN java -Djarmode=tools -jar target/relata.jar extract --layers --destination /extracted
# libtorch unpacked here, once, in DJL's engine-cache layout, instead of at every pod start (the native jar keeps
# only its platform file).
# layered-smoke: libtorch
RUN scripts/bake-libtorch.sh /extracted/dependencies/lib /opt/djl/engines

FROM ${RUNTIME_IMAGE}
# The runtime stage sees a global ARG only when it declares it again.
ARG RUNTIME_IMAGE
# OCI image annotations. VERSION follows the Maven project version (check-deploy compares them); REVISION, CREATED
# and SOURCE come from the build: --build-arg REVISION=$(git rev-parse HEAD) --build-arg CREATED=$(date -u +%FT%TZ).
ARG VERSION=0.1.0
ARG REVISION=""
ARG CREATED=""
ARG SOURCE=""
LABEL org.opencontainers.image.title="relata" \
      org.opencontainers.image.description="relata answers relation questions in both directions from stated facts and a relation model (CPU build)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="${RUNTIME_IMAGE}"
# A numeric user (Kubernetes' runAsNonRoot can only verify numbers). Group 0 may write what the user may, so
# the image also runs under an arbitrary UID with GID 0 (OpenShift). HOME is /tmp: nothing belongs there.
RUN groupadd --system --gid 10001 relata \
 && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin relata \
 && mkdir -p /var/lib/relata \
 && chown 10001:0 /var/lib/relata \
 && chmod 0775 /var/lib/relata

# layered-smoke: runtime environment (one variable a line)
ENV RELATA_HOME=/var/lib/relata
# libtorch, unpacked at build time and read-only; DJL loads it in place and unpacks nothing.
ENV ENGINE_CACHE_DIR=/opt/djl/engines
# Anything else DJL might cache goes to the writable /tmp (nothing, in relata's use).
ENV DJL_CACHE_DIR=/tmp/djl
ENV OPT_OUT_TRACKING=true
ENV DJL_OFFLINE=true
# Structured (ECS JSON) console logs: one JSON object a line, request values escaped; the chart's logFormat overrides it.
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
# Heap as a share of the container's memory limit: libtorch's tensors, Metaspace, thread stacks and direct
# buffers live outside the heap, so half of the limit is left for them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError"

WORKDIR /app
# libtorch first: it changes only with the PyTorch version.
COPY --from=build /opt/djl/engines/ /opt/djl/engines/
# Least to most often changed, so a code change rebuilds only the last layer.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Class-data sharing: a training run (the application context started and closed again, in a throw-away home) writes
# an archive of the classes it loaded, so every start maps them instead of loading and verifying them again. Measured
# on the layered jar: about a third less CPU until ready (docs/deploy.md). It needs this exact class path, so it is
# made here, in the runtime stage, by the runtime JVM; a start whose JVM or class path differs ignores it.
# layered-smoke: cds
RUN java -XX:ArchiveClassesAtExit=relata.jsa -Dspring.context.exit=onRefresh -Drelata.home=/tmp/cds -jar relata.jar && rm -rf /tmp/cds /tmp/djl

# The model registry and the embedded store (when no PostgreSQL is configured) live here; /tmp takes uploads and
# scratch files. With these two writable, the root filesystem can be read-only (docker run --read-only).
VOLUME ["/var/lib/relata", "/tmp"]

USER 10001:10001
EXPOSE 8080
# No HEALTHCHECK: the image has no HTTP client, and Kubernetes uses its own probes
# (/actuator/health/readiness and /actuator/health/liveness, see helm/relata).
# layered-smoke: entrypoint
ENTRYPOINT ["java", "-XX:SharedArchiveFile=relata.jsa", "-jar", "relata.jar"]
