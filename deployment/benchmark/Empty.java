/** The bare JVM of the cold-start benchmark: start, run an empty main, exit. */
public final class Empty {
    public static void main(String[] args) {
    }
}
