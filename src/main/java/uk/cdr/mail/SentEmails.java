package uk.cdr.mail;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The record of each recipient mailed, written the moment the server took the email and committed
 * at once, whatever becomes of the job that sent it. It has a small connection pool of its own: a
 * job holds its own connection while it sends, and if the record took a second one from the same
 * pool, ten jobs mailing at once would each hold one and wait for another, for ever (the lifecycle
 * benchmark found exactly that). A connection of this pool is never held while waiting for another.
 */
@Component
class SentEmails implements DisposableBean {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final Clock clock;

    SentEmails(DataSourceProperties database, Clock clock) {
        this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("sent-email");
        pool.setMaximumPoolSize(3);
        pool.setMinimumIdle(0);
        pool.setAutoCommit(true);
        this.jdbc = JdbcClient.create(pool);
        this.clock = clock;
    }

    void record(Mailer.Email email, String recipient) {
        jdbc.sql("insert into sent_email (case_id, kind, recipient, subject, sent_at) values (?, ?, ?, ?, ?)")
                .params(email.caseId(), email.kind(), recipient, email.subject(), OffsetDateTime.now(clock)).update();
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
