package io.domainbridge.testkit.failure;

/**
 * How much the failure tests scale their load: system property {@value #FACTOR}, a whole number, 1 unless set. The
 * Maven profile {@code soak} sets it to 10.
 */
public final class Soak {

    public static final String FACTOR = "domainbridge.soak.factor";

    private Soak() {}

    public static int factor() {
        int factor = Integer.parseInt(System.getProperty(FACTOR, "1").trim());
        if (factor < 1) {
            throw new IllegalArgumentException(FACTOR + " must be at least 1");
        }
        return factor;
    }
}
