package uk.cdr.panel;

import java.time.ZoneId;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When the panel gets a meeting's agenda: a number of days before, at 09:00 (local policy). */
@Component("panelTimers")
public class PanelTimers {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final int agendaDaysBefore;

    public PanelTimers(@Value("${cdr.timers.cdop.agenda-days-before:7}") int agendaDaysBefore) {
        if (agendaDaysBefore < 0) {
            throw new IllegalArgumentException("cdr.timers.cdop.agenda-days-before must not be negative");
        }
        this.agendaDaysBefore = agendaDaysBefore;
    }

    public Date agendaAt(Date heldOn) {
        return Date.from(heldOn.toInstant().atZone(UK).toLocalDate().minusDays(agendaDaysBefore).atTime(9, 0)
                .atZone(UK).toInstant());
    }
}
