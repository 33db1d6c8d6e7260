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
COPY --from=build /src/target/child-death-review-*.jar app.jar
USER cdr
ENV TZ=Europe/London
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Europe/London", "-jar", "/app/app.jar"]
