import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.Lazy;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.snapstart.SnapStartPriming;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One run of the cold-start benchmark, in a JVM of its own: the handler as Lambda builds it handles one event, its
 * AWS calls routed to the stand-in (LoopbackAws) at STAND_IN_URL, its answer PUT to the event's ResponseURL.
 * {@code cold} handles the event straight away (a cold start without SnapStart); {@code primed} first runs what
 * SnapStart runs before the snapshot and after the restore, then handles the event (the snapshot's first request).
 * Prints the milliseconds the handler took; exits 1 unless the answer was SUCCESS.
 *
 *   java -cp live-streaming-on-aws.jar:DIR ColdStartRun cold|primed STAND_IN_URL EVENT.json
 */
public final class ColdStartRun {
    public static void main(String[] args) throws Exception {
        boolean primed = args[0].equals("primed");
        URI standIn = URI.create(args[1]);
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        AwsClients clients = AwsClients.fromEnvironment();
        Lazy<Registry> registry = new Lazy<>(() -> Managers.standard(clients));
        JsonLog log = new JsonLog(System.err);
        Handler handler = new Handler(registry, new ResponseSender(), log, Handler.DEFAULT_SAFETY_MARGIN);
        if (primed) {
            SnapStartPriming priming = new SnapStartPriming(handler, () -> clients, registry, log);
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }
        clients.loopback().route(standIn);
        long started = System.nanoTime();
        byte[] answer = handler.handle(event, new LocalContext(Duration.ofMinutes(5), "benchmark"));
        long took = System.nanoTime() - started;
        String body = answer == null ? "(no answer)" : new String(answer, StandardCharsets.UTF_8);
        if (!body.contains("\"Status\":\"SUCCESS\"")) {
            System.err.println("not SUCCESS: " + body);
            System.exit(1);
        }
        System.out.printf("%.1f%n", took / 1e6);
    }
}
