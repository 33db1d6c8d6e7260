package uk.cdr.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One real SMTP server (GreenMail) per test JVM, on a free port. */
public final class SharedMailServer {

    private static GreenMail greenMail;

    private SharedMailServer() {
    }

    public static synchronized GreenMail instance() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    public static int port() {
        return instance().getSmtp().getPort();
    }
}
