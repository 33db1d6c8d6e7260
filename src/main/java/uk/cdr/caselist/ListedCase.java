package uk.cdr.caselist;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.cdr.area.Area;
import uk.cdr.web.UkDates;

/**
 * One case in the case list. For the CDOP panel it is anonymised: the identifying fields are
 * absent (not even null), the death a month and the age a band, as in the CDOP queue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListedCase(UUID id, String reference, String reportingYear,
        @Schema(description = "The child's name; SPOC and Designated Doctor only") String childName,
        @Schema(description = "10 digits; SPOC and Designated Doctor only") String nhsNumber,
        @Schema(description = "yyyy-mm-dd; SPOC and Designated Doctor only") LocalDate dateOfBirth,
        @Schema(description = "yyyy-mm-dd; SPOC and Designated Doctor only") LocalDate dateOfDeath,
        @Schema(description = "Month and year, e.g. \"November 2014\"") String monthOfDeath,
        @Schema(description = "Age band, e.g. \"1 to 4 years\"") String ageBand,
        @Schema(description = "The area the child lived in: its code and name") Area area,
        @Schema(description = "Where the case is: one or more stages, each as code and words") List<Stage> stages,
        boolean closed,
        @Schema(description = "The page of the app this user may open for the case") String url) {

    public record Stage(String code, String words) {

        static Stage of(ListedStage stage) {
            return new Stage(stage.code(), stage.words());
        }
    }


    /** "30 November 2012", for the page; blank for the panel. */
    public String dateOfBirthInWords() {
        return UkDates.inWords(dateOfBirth);
    }

    public String dateOfDeathInWords() {
        return UkDates.inWords(dateOfDeath);
    }

    /** The stages in words, for the page. */
    public String stagesInWords() {
        return String.join("; ", stages.stream().map(Stage::words).toList());
    }
}
