# Build with the Maven Wrapper, run on a JRE. The JVM zone is Europe/London, as everywhere.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 cdr
WORKDIR /app
COPY --from=build /src/target/child-death-review-*.jar /tmp/app.jar
# Class-data sharing (docs/performance.md, start-up): the app extracted (the JVM archives classes
# from jars on the class path only, so /app/app.jar with its libraries in /app/lib), then a training
# run that stops once the app has started (on H2, in /tmp, whose database is thrown away) writes the
# archive every launch maps instead of loading, parsing and verifying those classes again.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app \
    && rm /tmp/app.jar \
    && cd /tmp \
    && java -Duser.timezone=Europe/London -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh \
        -jar /app/app.jar \
    && rm -rf /tmp/data
USER cdr
ENV TZ=Europe/London
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Europe/London", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
