package uk.cdr.processaudit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/** A time taken, in the words and the unit of its standard: "12 minutes", "16.5 hours", "83 days". */
final class Durations {

    private Durations() {
    }

    /** The middle one, or halfway between the two middle ones. */
    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    static String inWords(Duration duration, AuditStandard.Unit unit) {
        double seconds = duration.toSeconds();
        return switch (unit) {
            case MINUTES -> amount(seconds / 60, "minute");
            case HOURS -> amount(seconds / 3600, "hour");
            case DAYS -> amount(seconds / 86_400, "day");
            case NONE -> null;
        };
    }

    /** To one decimal place, the decimal left out when it is 0: "1 day", "1.5 days", "0 minutes". */
    private static String amount(double value, String unit) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        String number = rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
        return number + " " + unit + (number.equals("1") ? "" : "s");
    }
}
