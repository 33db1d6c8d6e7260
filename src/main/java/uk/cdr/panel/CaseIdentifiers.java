package uk.cdr.panel;

import java.time.LocalDate;
import java.util.Set;

/**
 * What identifies one child, as every notification of the case gave it: merged duplicates may
 * spell a name or write an address differently, and each spelling must be blanked out.
 */
record CaseIdentifiers(Set<String> names, Set<String> nhsNumbers, Set<String> addressLines, Set<String> postcodes,
        Set<LocalDate> datesOfBirth) {

    CaseIdentifiers {
        names = Set.copyOf(names);
        nhsNumbers = Set.copyOf(nhsNumbers);
        addressLines = Set.copyOf(addressLines);
        postcodes = Set.copyOf(postcodes);
        datesOfBirth = Set.copyOf(datesOfBirth);
    }
}
