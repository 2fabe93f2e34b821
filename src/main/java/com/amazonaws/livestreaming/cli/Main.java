package com.amazonaws.livestreaming.cli;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.ConfigurationException;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.JsonTree;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The jar's command line, for what a user wants to do without deploying: run the handler on an event file
 * against whatever endpoint {@code AWS_ENDPOINT_URL} names, and check encoding profiles before uploading them.
 */
public final class Main {
    private static final String USAGE = String.join(
            "\n",
            "usage: java -jar live-streaming-on-aws.jar COMMAND ...",
            "  invoke EVENT.json [--remaining-ms N]   run the handler on a CloudFormation event; prints the answer",
            "                                         sent; exits 0 SUCCESS, 1 FAILED, 2 usage, 3 configuration",
            "                                         error, 4 answer not delivered",
            "  validate [--packager v1|v2] FILE...    check encoding profiles (v2: as rendered for CMAF ingest);"
                    + " prints each problem with its JSON path",
            "  " + RenderCommand.USAGE,
            "                                         print the CreateChannel request (aws medialive create-channel"
                    + " --cli-input-json) without calling AWS");
    /** {@code invoke}: the answer was delivered and said SUCCESS. */
    public static final int EXIT_SUCCESS = 0;
    /** {@code invoke}: the answer was delivered and said FAILED. */
    public static final int EXIT_FAILED = 1;
    /** Every command: the command line (or the file it names) is not usable. */
    public static final int EXIT_USAGE = 2;
    /** {@code invoke}: the environment is not usable (no AWS_REGION, a malformed AWS_ENDPOINT_URL); nothing ran. */
    public static final int EXIT_CONFIGURATION = 3;
    /** {@code invoke}: no answer reached the ResponseURL (refused, unreachable, or the event has none). */
    public static final int EXIT_NOT_DELIVERED = 4;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public Main(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** @param env the environment {@code invoke} reads AWS_REGION, AWS_ENDPOINT_URL and the credentials from */
    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err).run(args);
        System.exit(code);
    }

    /** Runs a command; returns the process exit code. */
    public int run(String[] args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "invoke" -> invoke(rest);
                case "validate" -> new ValidateCommand(out).run(rest);
                case "render" -> new RenderCommand(out, err).run(rest);
                case "-h", "--help", "help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return EXIT_USAGE;
        }
    }

    private int invoke(List<String> args) {
        Duration remaining = Duration.ofMinutes(15);
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--remaining-ms")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--remaining-ms needs a number of milliseconds");
                }
                try {
                    remaining = Duration.ofMillis(Long.parseLong(args.get(++i)));
                } catch (NumberFormatException e) {
                    throw new UsageException("--remaining-ms needs a number of milliseconds");
                }
            } else if (file == null) {
                file = arg;
            } else {
                throw new UsageException("invoke takes one event file");
            }
        }
        if (file == null) {
            throw new UsageException("invoke needs an event file");
        }
        byte[] event;
        try {
            event = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        AwsClients.Settings settings;
        try {
            settings = AwsClients.Settings.fromEnvironment(env);
        } catch (ConfigurationException e) {
            err.println("configuration error: " + e.getMessage());
            return EXIT_CONFIGURATION;
        }
        // Logs go to stderr so that stdout carries only the answer, for scripts to read.
        DeliveryRecorder sender = new DeliveryRecorder();
        Handler handler = new Handler(
                () -> Managers.standard(new AwsClients(settings)),
                sender,
                new JsonLog(System.err),
                Handler.DEFAULT_SAFETY_MARGIN);
        byte[] sent = handler.handle(event, new LocalContext(remaining));
        if (sent == null) {
            err.println("the event has no ResponseURL; nothing was sent");
            return EXIT_NOT_DELIVERED;
        }
        out.println(new String(sent, StandardCharsets.UTF_8));
        if (!sender.delivered) {
            err.println("the answer could not be delivered to the event's ResponseURL (see the log lines above)");
            return EXIT_NOT_DELIVERED;
        }
        return isFailed(sent) ? EXIT_FAILED : EXIT_SUCCESS;
    }

    private static boolean isFailed(byte[] answer) {
        try {
            return !(JsonTree.parse(answer) instanceof Map<?, ?> body && "SUCCESS".equals(body.get("Status")));
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /** The sender that remembers whether CloudFormation's URL took the answer, for the exit status. */
    private static final class DeliveryRecorder extends ResponseSender {
        private volatile boolean delivered;

        @Override
        public boolean send(String responseUrl, byte[] body, Supplier<Duration> timeLeft, JsonLog log) {
            delivered = super.send(responseUrl, body, timeLeft, log);
            return delivered;
        }
    }

    /** A command line that does not parse; its message says what is wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
