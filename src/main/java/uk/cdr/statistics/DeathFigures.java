package uk.cdr.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.child.AgeBand;
import uk.cdr.notification.Codes;
import uk.cdr.web.CodeLabels;

/**
 * The deaths of a reporting year, counted by date of death from the case file. Duplicate
 * notifications of one death are merged into one case, so one case file row is one death.
 */
@Component
class DeathFigures {

    private static final String ALL_DEATHS = "All deaths";

    /**
     * Years at death change on the birthday (the day before the 18th birthday is 17), as
     * java.time.Period counts them; a 29 February birthday comes on 1 March in other years.
     */
    private static final String YEARS_AT_DEATH = """
            extract(year from c.date_of_death) - extract(year from c.date_of_birth)
              - case when extract(month from c.date_of_death) * 100 + extract(day from c.date_of_death)
                        < extract(month from c.date_of_birth) * 100 + extract(day from c.date_of_birth)
                     then 1 else 0 end""";

    /**
     * The deaths of the two years, one row each, with what each table counts them by. Age: the bands
     * of {@link AgeBand}, counted here in SQL so the database groups them.
     */
    private static final String DEATHS = """
            select a.y, a.classification,
                   case when a.days is null or a.years is null then 'not-known'
                        when a.days < 28 then 'days-0-27'
                        when a.years < 1 then 'days-28-364'
                        when a.years < 5 then 'years-1-4'
                        when a.years < 10 then 'years-5-9'
                        when a.years < 15 then 'years-10-14'
                        else 'years-15-17' end as age_band,
                   a.sex, a.ethnicity, a.place
            from (select %s as y, c.death_classification as classification, c.age_at_death_days as days,
                         %s as years, c.sex as sex, c.ethnicity as ethnicity, c.place_of_death as place
                  from case_file c where c.date_of_death >= :previousFirst and c.date_of_death <= :last/*area*/) a"""
            .formatted(Counts.yearOf("c.date_of_death", ":first"), YEARS_AT_DEATH);

    private static final List<Tables.Code> AGE_BANDS = Arrays.stream(AgeBand.values())
            .map(band -> new Tables.Code(band.code(), band.tableLabel())).toList();

    private final JdbcClient jdbc;

    DeathFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param area an area's code, or null for the whole CDOP */
    List<Table> tables(ReportingPeriod year, String area) {
        Map<String, Counts.TwoYears> counts = Counts.breakdowns(jdbc, Counts.inArea(DEATHS, area, "c.id"),
                List.of("classification", "age_band", "sex", "ethnicity", "place"), Counts.withArea(Counts.of(year), area));
        return List.of(
                table("deaths", "Deaths", "Counted in the reporting year of the date of death. "
                        + "Not yet decided: the Designated Doctor has not yet confirmed expected or unexpected.",
                        counts.get("classification"),
                        List.of(new Tables.Code("expected", "Expected"), new Tables.Code("unexpected", "Unexpected"),
                                new Tables.Code(null, "Not yet decided")),
                        CodeLabels::label),
                table("deaths-by-age", "Deaths by age at death", "Age in days in the first year of "
                        + "life, then in completed years (a child is a year older from the birthday).",
                        counts.get("age_band"), AGE_BANDS, key -> "Age not known"),
                table("deaths-by-sex", "Deaths by sex", null, counts.get("sex"),
                        codes(Codes.SEX, CodeLabels::label), DeathFigures::notRecorded),
                table("deaths-by-ethnicity", "Deaths by ethnicity", "2011 census ethnic groups.", counts.get("ethnicity"),
                        codes(Codes.ETHNICITY, CodeLabels::label),
                        DeathFigures::notRecorded),
                table("deaths-by-place", "Deaths by place of death", null, counts.get("place"),
                        codes(Codes.PLACE_OF_DEATH, DeathFigures::place), DeathFigures::notRecorded));
    }

    private static Table table(String name, String title, String note, Counts.TwoYears counts, List<Tables.Code> codes,
            Function<String, String> extraLabel) {
        return Tables.breakdown(name, title, note, codes, extraLabel, counts.year(), counts.previous(), ALL_DEATHS);
    }

    static List<Tables.Code> codes(List<String> codes, Function<String, String> label) {
        return codes.stream().map(code -> new Tables.Code(code, label.apply(code))).toList();
    }

    private static String place(String code) {
        return CodeLabels.label(code);
    }

    static String notRecorded(String code) {
        return code == null ? "Not recorded" : CodeLabels.label(code);
    }
}
