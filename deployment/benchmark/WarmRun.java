import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cli.LocalContext;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Warm invocations: one JVM handles EVENT.json WARMUP times, then RUNS times more, timing each; prints the median
 * and the 90th percentile in milliseconds. Uses only what every version of the handler has, so two jars can be
 * compared on the same event (AWS_ENDPOINT_URL pointing at a stand-in that answers it).
 *
 *   java -cp live-streaming-on-aws.jar:DIR WarmRun EVENT.json [WARMUP RUNS]
 */
public final class WarmRun {
    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Handler handler = new Handler(Managers::standard, new ResponseSender(),
                new JsonLog(new PrintStream(OutputStream.nullOutputStream())), Handler.DEFAULT_SAFETY_MARGIN);
        for (int i = 0; i < warmup; i++) {
            handler.handle(event, new LocalContext(Duration.ofMinutes(5)));
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            handler.handle(event, new LocalContext(Duration.ofMinutes(5)));
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("median %.2f ms, p90 %.2f ms over %d warm invocations%n", millis[runs / 2],
                millis[runs * 9 / 10], runs);
    }
}
