package uk.cdr.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void aSingleLineHoldsNoControlCharacterAtAll() {
        assertThat(PlainText.isSingleLine("St Mary's Hospital – A&E, Ward 3 (é, ü, 中)")).isTrue();
        assertThat(PlainText.isSingleLine(null)).isTrue();
        for (String c : new String[] {"\r", "\n", "\r\n", "\t", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085"}) {
            assertThat(PlainText.isSingleLine("Police" + c + "Bcc: x@evil.example")).as("U+%04X", (int) c.charAt(0)).isFalse();
        }
    }

    @Test
    void freeTextMaySpanLinesButHoldsNoOtherControlCharacter() {
        assertThat(PlainText.isMultiLine("First line\nsecond line\r\nthird")).isTrue();
        assertThat(PlainText.isMultiLine(null)).isTrue();
        for (String c : new String[] {"\r", "\t", "\u0000", "\u0008", "\u007f", "\u0085"}) {
            assertThat(PlainText.isMultiLine("Found" + c + "unresponsive")).as("U+%04X", (int) c.charAt(0)).isFalse();
        }
    }
}
