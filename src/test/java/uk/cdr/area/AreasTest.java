package uk.cdr.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The CDOP's areas as configured: checked at start-up, found by code or name. */
class AreasTest {

    private final Areas two = new Areas(List.of(new Area("north", "North Borough"), new Area("south", "South Borough")));

    @Test
    void aConfigurationThatCannotWorkStopsTheStartNamingWhatIsWrong() {
        assertThatThrownBy(() -> new Areas(List.of())).hasMessageContaining("configure at least one area");
        assertThatThrownBy(() -> new Areas(List.of(new Area("North Borough", "North Borough"))))
                .hasMessageContaining("code 'North Borough' must be lower-case letters, digits and hyphens");
        assertThatThrownBy(() -> new Areas(List.of(new Area("north", " ")))).hasMessageContaining("'north' needs a name");
        assertThatThrownBy(() -> new Areas(List.of(new Area("north", "A"), new Area("north", "B"))))
                .hasMessageContaining("'north' is configured twice");
    }

    @Test
    void anAreaIsFoundByItsCodeOrItsNameInAnyCase() {
        assertThat(two.find(" SOUTH ")).contains(new Area("south", "South Borough"));
        assertThat(two.find("north borough")).contains(new Area("north", "North Borough"));
        assertThat(two.find("westshire")).isEmpty();
        assertThat(two.find("")).isEmpty();
        // A code no longer configured still reads as itself on the cases that have it.
        assertThat(two.of("westshire")).isEqualTo(new Area("westshire", "westshire"));
    }

    @Test
    void aCaseNeedsItsAreaWhereThereAreSeveralAndTakesTheOneThereIsOtherwise() {
        assertThatThrownBy(() -> two.forCase(null, "area")).isInstanceOfSatisfying(UnknownArea.class, e -> {
            assertThat(e.field()).isEqualTo("area");
            assertThat(e.rule()).isEqualTo("is required: one of north (North Borough), south (South Borough)");
        });
        Areas one = new Areas(List.of(new Area("borough", "The borough")));
        assertThat(one.several()).isFalse();
        assertThat(one.forCase(null, "area").code()).isEqualTo("borough");
        assertThatThrownBy(() -> one.forCase("north", "area")).isInstanceOf(UnknownArea.class);
    }

    @Test
    void aFilterWithoutAnAreaIsTheWholeCdopAndAnUnknownOneIsRefused() {
        assertThat(two.narrowTo(" ", "area")).isEmpty();
        assertThat(two.narrowTo("south", "area")).contains(new Area("south", "South Borough"));
        assertThatThrownBy(() -> two.narrowTo("westshire", "area")).isInstanceOfSatisfying(UnknownArea.class,
                e -> assertThat(e.rule()).startsWith("must be one of the CDOP's areas, not 'westshire'"));
    }
}
