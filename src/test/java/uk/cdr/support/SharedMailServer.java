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

    private static int stoppedPort;

    /** A mail outage: the SMTP port stops answering until {@link #startAgain()}. */
    public static synchronized void stop() {
        stoppedPort = port();
        greenMail.stop();
    }

    /** The mail server is back on the port the app knows (with an empty inbox). */
    public static synchronized void startAgain() {
        greenMail = new GreenMail(new ServerSetup(stoppedPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    }
}
