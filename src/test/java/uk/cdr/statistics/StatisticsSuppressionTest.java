package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The public version's small-number rule, cell by cell. */
class StatisticsSuppressionTest {

    @Test
    void smallCountsAreHiddenAndZeroIsNot() {
        Table table = Suppression.publish(new Table("t", "T", null, List.of(
                Tables.count("a", 0, 5), Tables.count("b", 1, 4), Tables.count("c", 4, 3),
                new Row("total", Row.Kind.TOTAL, 5L, 12L))));
        assertThat(table.rows()).extracting(Row::thisYear).containsExactly(0L, "<5", "<5", 5L);
        assertThat(table.rows()).extracting(Row::previousYear).containsExactly(5L, "<5", "<5", 12L);
    }

    @Test
    void aSingleHiddenCountBesideAShownTotalHidesTheNextSmallestTheFirstOfEquals() {
        Table table = Suppression.publish(new Table("t", "T", null, List.of(
                Tables.count("a", 9, 0), Tables.count("b", 6, 0), Tables.count("c", 0, 0), Tables.count("d", 6, 0),
                Tables.count("e", 2, 0), new Row("total", Row.Kind.TOTAL, 23L, 0L))));
        assertThat(table.rows()).extracting(Row::thisYear).containsExactly(9L, "*", 0L, 6L, "<5", 23L);
    }

    @Test
    void aSmallTotalIsHiddenAndNeedsNoSecondCell() {
        Table table = Suppression.publish(new Table("t", "T", null, List.of(
                Tables.count("a", 3, 0), Tables.count("b", 0, 0), new Row("total", Row.Kind.TOTAL, 3L, 0L))));
        assertThat(table.rows()).extracting(Row::thisYear).containsExactly("<5", 0L, "<5");
    }

    @Test
    void tablesWithoutATotalAndMediansGetOnlyTheSmallNumberRule() {
        Table table = Suppression.publish(new Table("t", "T", null, List.of(
                Tables.count("sent", 10, 7), Tables.count("overdue", 2, 0), Tables.median("median", 3L, null))));
        assertThat(table.rows()).extracting(Row::thisYear).containsExactly(10L, "<5", 3L);
        assertThat(table.rows()).extracting(Row::previousYear).containsExactly(7L, 0L, null);
    }

    @Test
    void aPercentageIsShownOnlyWhenEveryCountOfItsTableIs() {
        Share share = Share.of(9, 18, "reviews with enough information to decide");
        Table table = Suppression.publish(new Table("t", "T", null, List.of(
                Tables.count("yes", 9, 9), Tables.count("no", 9, 9), Tables.count("insufficient", 0, 3),
                new Row("total", Row.Kind.TOTAL, 18L, 21L), new Row("share", Row.Kind.PERCENTAGE, share, share))));
        assertThat(table.rows()).extracting(Row::thisYear).containsExactly(9L, 9L, 0L, 18L, share);
        // 3 insufficient hidden, then 9 to keep it hidden: 50% of 18 beside 21 would give both away.
        assertThat(table.rows()).extracting(Row::previousYear).containsExactly("*", 9L, "<5", 21L, "*");
    }

    @Test
    void aPercentageSaysWhatItIsOfAsNhsDigitalPublishesIt() {
        assertThat(Share.of(991, 3540, "reviews with enough information to decide"))
                .hasToString("28% (991 of 3,540 reviews with enough information to decide)")
                .extracting(Share::percent).isEqualTo(28);
        assertThat(Share.of(1, 8, "x").percent()).as("12.5% rounds up").isEqualTo(13);
        assertThat(Share.of(1, 3, "x").percent()).isEqualTo(33);
        assertThat(Share.of(0, 7, "x")).hasToString("0% (0 of 7 x)");
        assertThat(Share.of(0, 0, "x")).as("nothing to divide by").isNull();
    }

    @Test
    void mediansAreTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Tables.median(Map.of())).isNull();
        assertThat(Tables.median(Map.of("35", 1L, "10", 1L, "16", 1L))).isEqualTo(16L);
        assertThat(Tables.median(Map.of("21", 1L, "14", 1L, "26", 1L, "15", 1L))).isEqualTo(18L);
        assertThat(Tables.median(Map.of("14", 1L, "15", 1L, "18", 1L, "21", 1L, "26", 1L, "32", 1L, "91", 1L, "191", 1L)))
                .isEqualTo(23.5);
        // As SQL counts them: 3, 3, 3, 9, 40, 40 (sorted by number, not as text: 9 before 40)
        assertThat(Tables.median(Map.of("40", 2L, "3", 3L, "9", 1L))).isEqualTo(6L);
        assertThat(Tables.median(Map.of("40", 2L, "3", 3L, "9", 2L))).isEqualTo(9L);
    }

    @Test
    void reportingYearsAreWrittenLike2014To15() {
        ReportingPeriod year = ReportingPeriod.parse("1999-00");
        assertThat(year.firstDay()).hasToString("1999-04-01");
        assertThat(year.lastDay()).hasToString("2000-03-31");
        assertThat(year.previous().label()).isEqualTo("1998-99");
        assertThat(ReportingPeriod.parse("2010-11").end()).hasToString("2011-04-01T00:00+01:00");
        for (String bad : new String[] { "2014", "2014-16", "abc", "2014-2015", "", "2014-15x" }) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportingPeriod.parse(bad))
                    .isInstanceOf(ReportingPeriod.InvalidYear.class);
        }
    }
}
