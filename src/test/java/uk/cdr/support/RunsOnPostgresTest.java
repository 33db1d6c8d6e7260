package uk.cdr.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The integration tests prove the production database, not H2. */
class RunsOnPostgresTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void engineAndAppTablesLiveOnPostgres17() {
        String version = jdbc.sql("select version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL 17");
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
                .isEqualTo("postgres");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in ('case_file', 'audit_log')")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from app_schema_history where success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theEngineRunsWithAuthorizationChecks() {
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    }
}
