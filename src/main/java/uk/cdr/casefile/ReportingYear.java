package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.Month;

/** The reporting year, 1 April to 31 March, written "2014-15". */
public final class ReportingYear {

    private ReportingYear() {
    }

    public static String of(LocalDate date) {
        int start = date.getMonth().compareTo(Month.APRIL) >= 0 ? date.getYear() : date.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }
}
