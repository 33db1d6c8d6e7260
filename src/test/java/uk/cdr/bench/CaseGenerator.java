package uk.cdr.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;

/**
 * Realistic child deaths, deterministic for a seed: national proportions (England, NCMD reports)
 * of about 4 in 10 neonatal (under 28 days), about 65% under one year, about 28% with modifiable
 * factors; categories, classification, place and the stages of the review follow the age. The
 * same cases feed the national data set (written with JDBC) and the import CSV.
 */
public final class CaseGenerator {

    private static final String[] FIRST = { "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur",
            "Ivy", "Leo", "Freya", "Oscar", "Lily", "Harry", "Florence", "Muhammad", "Willow", "Jack", "Rosie",
            "Charlie", "Sophia", "Henry", "Isabella", "Theo", "Grace", "Finley", "Evie", "Alfie", "Aria", "Jacob",
            "Ella", "Thomas", "Elsie", "Archie", "Daisy", "Joshua", "Ada", "Lucas", "Sienna", "Ezra" };
    private static final String[] SYLLABLE = { "Ash", "Brad", "Cal", "Dun", "Ell", "Fair", "Gar", "Hol", "Ing", "Kel",
            "Lang", "Mar", "Nor", "Oak", "Pen", "Rad", "Shel", "Thorn", "Ux", "Wick", "Ald", "Bex", "Crom", "Dal",
            "Egg", "Fen", "Glen", "Hart", "Lyn", "Mor" };
    private static final String[] ENDING = { "ley", "ton", "ford", "by", "ham", "well", "wood", "field", "more",
            "worth" };

    private static final String[] ETHNICITY = { "white-british", "white-irish", "white-other",
            "mixed-white-and-black-caribbean", "mixed-white-and-black-african", "mixed-white-and-asian", "mixed-other",
            "asian-indian", "asian-pakistani", "asian-bangladeshi", "asian-chinese", "asian-other", "black-african",
            "black-caribbean", "black-other", "other-arab", "other-any-other", "white-gypsy-or-irish-traveller",
            "not-known" };
    private static final double[] ETHNICITY_WEIGHT = { 62, 1, 6, 1.5, 1, 1.2, 1.5, 2.5, 6, 2.5, 0.5, 2, 4, 1, 1, 1,
            1.5, 0.3, 3.5 };

    private static final String[] FCD_REASONS = { "logistical", "family-wishes", "criminal-proceedings", "other" };

    /** Stages an open case can be at. */
    enum OpenStage { AWAITING_CLASSIFICATION, FORM_B_OUTSTANDING, DISCUSSION_PENDING, READY_FOR_REVIEW }

    public record Generated(int index, String firstName, String lastName, LocalDate dateOfBirth, String sex, String ethnicity,
            String nhsNumber, LocalDate dateOfDeath, int ageDays, boolean neonatal, String placeOfDeath,
            LocalDate notifiedOn, String classification, boolean rapidResponse, LocalDate rapidResponseMeetingOn,
            String finalCaseDiscussion, String finalCaseDiscussionReason, LocalDate finalCaseDiscussionOn,
            int formBRequested, LocalDate formBRequestedOn, int formBReturned, LocalDate formBReturnedOn,
            String formBProceedReason, boolean closed, LocalDate reviewCompletedOn, String meetingType, int category,
            String modifiable, boolean scrConsidered, String[] domains) {
    }

    private final Random random;
    private final LocalDate today;
    private int index;
    private long nhsBase;

    public CaseGenerator(long seed, LocalDate today, long nhsBase) {
        this.random = new Random(seed);
        this.today = today;
        this.nhsBase = nhsBase;
    }

    /** A death in the reporting year starting 1 April of startYear, closed (reviewed and ratified) or open at a stage. */
    public Generated next(int startYear, boolean closed) {
        LocalDate first = LocalDate.of(startYear, 4, 1);
        LocalDate dateOfDeath = first.plusDays(random.nextInt((int) (first.plusYears(1).toEpochDay() - first.toEpochDay())));
        if (dateOfDeath.isAfter(today)) {
            dateOfDeath = today.minusDays(random.nextInt(30));
        }
        int ageDays = ageDays();
        LocalDate dateOfBirth = dateOfDeath.minusDays(ageDays);
        boolean neonatal = ageDays < 28;
        int category = category(ageDays);
        String classification = unexpected(category) ? "unexpected" : "expected";
        String sex = pick(new String[] { "male", "female", "not-known", "indeterminate" }, new double[] { 56, 43, 0.8, 0.2 });
        LocalDate notifiedOn = min(dateOfDeath.plusDays(random.nextInt(3)), today);
        OpenStage stage = closed ? null : pick(OpenStage.values(), new double[] { 8, 37, 15, 40 });

        boolean rapidResponse = "unexpected".equals(classification);
        if (stage == OpenStage.AWAITING_CLASSIFICATION) {
            classification = null;
            rapidResponse = false;
        }
        LocalDate rrMeeting = rapidResponse && random.nextDouble() < 0.85
                ? min(notifiedOn.plusDays(2 + random.nextInt(6)), today) : null;
        String fcd = null;
        String fcdReason = null;
        LocalDate fcdOn = null;
        if (rapidResponse) {
            if (stage == OpenStage.DISCUSSION_PENDING || stage == OpenStage.FORM_B_OUTSTANDING && random.nextBoolean()) {
                fcd = "none";
            } else if (random.nextDouble() < 0.85) {
                fcd = "held";
            } else {
                fcd = "not-convened";
                fcdReason = FCD_REASONS[random.nextInt(FCD_REASONS.length)];
            }
            if (!"none".equals(fcd)) {
                fcdOn = min(notifiedOn.plusDays(60 + random.nextInt(90)), today);
            }
        }
        if (stage == OpenStage.DISCUSSION_PENDING && !rapidResponse) {
            stage = OpenStage.READY_FOR_REVIEW;
        }

        int requested = 0;
        LocalDate requestedOn = null;
        int returned = 0;
        LocalDate returnedOn = null;
        String proceedReason = null;
        if (classification != null) {
            requested = 2 + random.nextInt(5) + (rapidResponse ? 2 : 0);
            requestedOn = notifiedOn.plusDays(1 + random.nextInt(5));
            returned = requested;
            if (stage == OpenStage.FORM_B_OUTSTANDING) {
                returned = random.nextInt(requested);
            } else if (random.nextDouble() < 0.05) {
                returned = requested - 1;
                proceedReason = "Agency did not respond; the SPOC proceeded with the chair's agreement";
            }
            returnedOn = returned == 0 ? null : requestedOn.plusDays(10 + random.nextInt(35));
            if (returnedOn != null && returnedOn.isAfter(today)) {
                returnedOn = today;
            }
            if (requestedOn.isAfter(today)) {
                requestedOn = today;
                returnedOn = returned == 0 ? null : today;
            }
        }

        LocalDate reviewOn = null;
        String meetingType = null;
        String modifiable = null;
        boolean scr = false;
        String[] domains = null;
        if (closed) {
            meetingType = neonatal && random.nextDouble() < 0.4 ? "neonatal" : "routine";
            LocalDate earliest = dateOfDeath.plusDays(90 + (long) (Math.abs(random.nextGaussian()) * 200) + random.nextInt(60));
            LocalDate latestDate = max(fcdOn, returnedOn);
            if (latestDate != null && latestDate.isAfter(earliest)) {
                earliest = latestDate.plusDays(7);
            }
            reviewOn = meetingOnOrAfter(earliest, meetingType);
            if (reviewOn.isAfter(today)) {
                reviewOn = meetingOnOrBefore(today, meetingType);
            }
            modifiable = modifiable(category);
            scr = category == 1 || category == 2 && random.nextDouble() < 0.2 || random.nextDouble() < 0.01;
            domains = new String[4];
            for (int i = 0; i < 4; i++) {
                domains[i] = pick(new String[] { "0", "1", "1*", "2", "3" }, new double[] { 5, 60, 5, 22, 8 });
            }
        } else {
            category = 0;
        }
        int i = index++;
        return new Generated(i, FIRST[i % FIRST.length], lastName(i / FIRST.length), dateOfBirth, sex,
                pick(ETHNICITY, ETHNICITY_WEIGHT), nhsNumber(), dateOfDeath, ageDays, neonatal, place(ageDays),
                notifiedOn, classification, rapidResponse, rrMeeting, fcd, fcdReason, fcdOn, requested, requestedOn,
                returned, returnedOn, proceedReason, closed, reviewOn, meetingType, category, modifiable, scr, domains);
    }

    /** 40% neonatal (most in the first week), 25% 28-364 days, then 1-4, 5-9, 10-14, 15-17 years. */
    private int ageDays() {
        double r = random.nextDouble();
        if (r < 0.40) {
            double u = random.nextDouble();
            return (int) (28 * u * u * u);
        }
        if (r < 0.65) {
            return 28 + random.nextInt(337);
        }
        int years;
        if (r < 0.75) {
            years = 1 + random.nextInt(4);
        } else if (r < 0.81) {
            years = 5 + random.nextInt(5);
        } else if (r < 0.89) {
            years = 10 + random.nextInt(5);
        } else {
            years = 15 + random.nextInt(3);
        }
        return years * 365 + random.nextInt(365);
    }

    private int category(int ageDays) {
        if (ageDays < 28) {
            return pick(new Integer[] { 8, 7, 9, 5, 10 }, new double[] { 60, 30, 5, 3, 2 });
        }
        if (ageDays < 365) {
            return pick(new Integer[] { 7, 10, 9, 5, 6, 8, 1, 3 }, new double[] { 30, 20, 12, 12, 10, 10, 3, 3 });
        }
        if (ageDays < 10 * 365) {
            return pick(new Integer[] { 4, 6, 7, 5, 9, 3, 1, 10 }, new double[] { 20, 20, 15, 15, 10, 12, 4, 4 });
        }
        return pick(new Integer[] { 2, 3, 4, 6, 5, 7, 1, 9 }, new double[] { 25, 25, 15, 15, 10, 5, 3, 2 });
    }

    private boolean unexpected(int category) {
        double p = switch (category) {
            case 1, 2, 3, 10 -> 0.97;
            case 5 -> 0.5;
            case 9 -> 0.35;
            default -> 0.1;
        };
        return random.nextDouble() < p;
    }

    private String modifiable(int category) {
        if (random.nextDouble() < 0.05) {
            return "insufficient-information";
        }
        double p = switch (category) {
            case 1 -> 0.85;
            case 2 -> 0.6;
            case 3 -> 0.7;
            case 10 -> 0.55;
            case 9 -> 0.3;
            case 8 -> 0.3;
            case 5 -> 0.3;
            default -> 0.17;
        };
        return random.nextDouble() < p ? "yes" : "no";
    }

    private String place(int ageDays) {
        if (ageDays < 28) {
            return pick(new String[] { "neonatal-unit", "hospital-ward", "intensive-care", "home",
                    "hospital-emergency-department", "other" }, new double[] { 55, 15, 12, 8, 6, 4 });
        }
        return pick(new String[] { "hospital-ward", "intensive-care", "home", "hospital-emergency-department", "hospice",
                "public-place", "other-private-residence", "school", "abroad", "other", "not-known" },
                new double[] { 24, 20, 24, 12, 6, 6, 3, 0.5, 1.5, 2.5, 0.5 });
    }

    /** Routine CDOP meetings on the second Wednesday of each month; neonatal panels on the last Thursday of every third month. */
    static LocalDate meetingOnOrAfter(LocalDate date, String type) {
        LocalDate month = date.withDayOfMonth(1);
        while (true) {
            LocalDate meeting = meetingIn(month, type);
            if (meeting != null && !meeting.isBefore(date)) {
                return meeting;
            }
            month = month.plusMonths(1);
        }
    }

    static LocalDate meetingOnOrBefore(LocalDate date, String type) {
        LocalDate month = date.withDayOfMonth(1);
        while (true) {
            LocalDate meeting = meetingIn(month, type);
            if (meeting != null && !meeting.isAfter(date)) {
                return meeting;
            }
            month = month.minusMonths(1);
        }
    }

    private static LocalDate meetingIn(LocalDate month, String type) {
        if ("routine".equals(type)) {
            return month.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY));
        }
        return month.getMonthValue() % 3 == 1 ? month.with(TemporalAdjusters.lastInMonth(DayOfWeek.THURSDAY)) : null;
    }

    /** Unique names by index: a first name, then a three-part surname ("Ashtonley"). */
    private static String lastName(int i) {
        return SYLLABLE[i % SYLLABLE.length] + SYLLABLE[(i / SYLLABLE.length) % SYLLABLE.length].toLowerCase()
                + ENDING[(i / SYLLABLE.length / SYLLABLE.length) % ENDING.length]
                + (i >= SYLLABLE.length * SYLLABLE.length * ENDING.length
                        ? "-" + SYLLABLE[(i / SYLLABLE.length / SYLLABLE.length / ENDING.length) % SYLLABLE.length] : "");
    }

    /** The next valid NHS number (modulus 11 check digit) after the base. */
    private String nhsNumber() {
        while (true) {
            String nine = String.format("%09d", nhsBase++);
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (nine.charAt(d) - '0') * (10 - d);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    private <T> T pick(T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

}
