package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.reportingyears.YearChanges;
import uk.cdr.support.IntegrationTest;

/**
 * The statistics SQL must give the same figures on H2 (the one-command start) as on PostgreSQL
 * (production and the other tests): the same dataset, loaded into a fresh H2 database migrated by
 * the same Flyway scripts, gives reports equal to the app's on PostgreSQL.
 */
class StatisticsOnH2Test extends IntegrationTest {

    @Autowired
    Statistics onPostgres;

    @Autowired
    JdbcClient postgres;

    @Autowired
    Clock clock;

    @Autowired
    uk.cdr.area.Areas areas;

    @Test
    void h2AndPostgresGiveTheSameReports() {
        StatisticsDataset.loadInto(postgres);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:statistics;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("app_schema_history").placeholders(java.util.Map.of("firstarea", "north")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(h2);
        StatisticsDataset.loadInto(jdbc);
        Statistics2018Test.loadOnce(postgres);
        Statistics2018Test.loadOnce(jdbc);
        Statistics onH2 = new Statistics(new DeathFigures(jdbc), new CaseworkFigures(jdbc, new Casework2018Figures(jdbc, new uk.cdr.review2018.NcmdTimers(java.time.Duration.ofHours(48)))), new ReviewFigures(jdbc), clock,
                new ClosedYearReports(new YearChanges(jdbc)), areas);

        for (String year : new String[] { "2009-10", "2010-11", "2011-12", "1999-00", "2007-08" }) {
            for (Version version : Version.values()) {
                ReportingPeriod period = ReportingPeriod.parse(year);
                assertThat(onH2.report(period, version)).as(year + " " + version)
                        .isEqualTo(onPostgres.report(period, version));
            }
        }
        assertThat(onH2.report(ReportingPeriod.parse("2010-11"), Version.INTERNAL).table("deaths").orElseThrow()
                .rows().get(3).thisYear()).isEqualTo(18L);
    }
}
