package uk.cdr.caseimport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The file's bytes as text. Only UTF-8 is accepted, strictly: a spreadsheet saved as "CSV" in a
 * Windows code page would otherwise turn names like Zoë into garbage without anyone noticing.
 * Excel's "CSV UTF-8" starts with a byte order mark, which is dropped.
 */
final class Utf8Text {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String SAVE_AS = "save the spreadsheet as \"CSV UTF-8 (comma delimited)\" and try again";

    private Utf8Text() {
    }

    static String decode(byte[] bytes) {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new InvalidImport(List.of(new ImportError(lineOf(bytes, start, at), null, String.format(
                    "the file is not UTF-8 text (byte 0x%02X cannot be read): %s", bytes[at] & 0xFF, SAVE_AS))));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // UTF-16 text without its byte order mark is valid UTF-8 full of NULs.
            throw new InvalidImport(List.of(new ImportError(null, null,
                    "the file contains NUL characters, as UTF-16 files do: " + SAVE_AS)));
        }
        return text;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** The line a byte is on, counting from 1, so the user can find it in a text editor. */
    private static int lineOf(byte[] bytes, int from, int at) {
        int line = 1;
        for (int i = from; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
