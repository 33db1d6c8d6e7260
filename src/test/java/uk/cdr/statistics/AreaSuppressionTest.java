package uk.cdr.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.cdr.area.Area;

/**
 * The public version of a CDOP of two areas: each figure of the whole is the sum of the areas', so
 * a figure hidden alone among them would be given away by the others.
 */
class AreaSuppressionTest {

    private static final Area NORTH = new Area("north", "North Borough");
    private static final Area SOUTH = new Area("south", "South Borough");

    @Test
    void anAreasSmallCountCannotBeWorkedOutFromTheWholeAndTheOtherArea() {
        // Female: whole 12 = North 10 + South 2; male: whole 20 = North 13 + South 7.
        List<YearReport> published = AreaSuppression.publish(report(null, 12, 20), List.of(report(NORTH, 10, 13),
                report(SOUTH, 2, 7)));
        YearReport whole = published.get(0);
        YearReport north = published.get(1);
        YearReport south = published.get(2);

        assertThat(column(south)).containsExactly("<5", "*", 9L);
        // Whole 12 minus North 10 would give South's 2: North's 10 is hidden too, and then its male
        // count, or its total would give the 10 away.
        assertThat(column(north)).containsExactly("*", "*", 23L);
        // The whole's own figures are not small, and two of each row's three are hidden: shown.
        assertThat(column(whole)).containsExactly(12L, 20L, 32L);
        assertThat(whole.note()).contains(AreaSuppression.NOTE);
        assertThat(south.area()).isEqualTo(SOUTH);
    }

    @Test
    void whereTwoOfAFiguresAreHiddenAlreadyNothingMoreIsHidden() {
        // Female: whole 3 = North 0 + South 3, small in the whole and in South; male: whole 40 = North 25 + South 15,
        // hidden in the whole and in South by their own tables' rule. Every row has two hidden: nothing more.
        List<YearReport> published = AreaSuppression.publish(report(null, 3, 40), List.of(report(NORTH, 0, 25),
                report(SOUTH, 3, 15)));
        assertThat(column(published.get(0))).containsExactly("<5", "*", 43L);
        assertThat(column(published.get(1))).containsExactly(0L, 25L, 25L);
        assertThat(column(published.get(2))).containsExactly("<5", "*", 18L);
    }

    @Test
    void aFigureHiddenInOneAreaWhoseOtherAreasHaveNoneIsHiddenInTheWhole() {
        // Female: whole 10 = North 10 + South 0. North hides its 10 ("*", beside its small male count 2);
        // the whole's 10 would give it away, and no other area has one to hide instead.
        List<YearReport> published = AreaSuppression.publish(report(null, 10, 30), List.of(report(NORTH, 10, 2),
                report(SOUTH, 0, 28)));
        assertThat(column(published.get(1))).containsExactly("*", "<5", 12L);
        assertThat(column(published.get(0)).get(0)).isEqualTo("*");
        assertThat(column(published.get(2))).containsExactly(0L, "*", 28L);
    }

    @Test
    void withNothingSmallNothingIsHidden() {
        List<YearReport> published = AreaSuppression.publish(report(null, 15, 20), List.of(report(NORTH, 7, 10),
                report(SOUTH, 8, 10)));
        assertThat(column(published.get(1))).containsExactly(7L, 10L, 17L);
        assertThat(column(published.get(2))).containsExactly(8L, 10L, 18L);
    }

    private static List<Object> column(YearReport report) {
        return report.tables().get(0).rows().stream().map(Row::thisYear).toList();
    }

    private static YearReport report(Area area, long female, long male) {
        Table bySex = new Table("deaths-by-sex", "Deaths by sex", null, List.of(
                new Row("Female", Row.Kind.COUNT, female, 0L), new Row("Male", Row.Kind.COUNT, male, 0L),
                new Row("All deaths", Row.Kind.TOTAL, female + male, 0L)));
        return new YearReport("2020-21", "2019-20", null, "2020-21", area, Version.INTERNAL, "Internal", List.of(bySex));
    }
}
