# syntax=docker/dockerfile:1

# ---- build: the Maven wrapper on a full JDK ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
# Maven and the dependencies stay in a build cache between builds; the tests need a PostgreSQL
# and run in CI (.ci/run), not here
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests package \
    && cp target/proposal-desk-*.jar /src/app.jar

# ---- run: a JRE only, as an unprivileged user ----
FROM eclipse-temurin:17-jre
RUN groupadd --system proposaldesk \
    && useradd --system --gid proposaldesk --home-dir /app --shell /usr/sbin/nologin proposaldesk
WORKDIR /app
COPY --from=build --chown=root:root /src/app.jar /app/app.jar
USER proposaldesk

# the bureau works on China time: "today" in forms and deadlines is a date in Beijing
ENV TZ=Asia/Shanghai \
    SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080

# /engine-rest/engine (the list of engines) is the one REST resource that answers without credentials
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/engine-rest/engine || exit 1

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
