package uk.cdr.caseimport;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How big an import file may be: the multipart upload limit, applied to a text/csv body too
 * (which no container limit covers). A file is read into memory before the transaction starts,
 * so a slow upload never holds database locks.
 */
@Component
class UploadLimit {

    private final DataSize limit;

    UploadLimit(@Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize limit) {
        this.limit = limit;
    }

    /** Reads at most the limit: a bigger body is refused without reading the rest into memory. */
    byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.toBytes() + 1));
        if (bytes.length > limit.toBytes()) {
            throw new ImportTooLarge(limit);
        }
        return bytes;
    }

    void check(long size) {
        if (size > limit.toBytes()) {
            throw new ImportTooLarge(limit);
        }
    }

    DataSize limit() {
        return limit;
    }
}
