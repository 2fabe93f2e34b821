package com.amazonaws.livestreaming.cli;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's command line, for what a user wants to do without deploying: run the handler on an event file
 * against whatever endpoint {@code AWS_ENDPOINT_URL} names, and check encoding profiles before uploading them.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: java -jar live-streaming-on-aws.jar COMMAND ...",
            "  invoke EVENT.json [--remaining-ms N]   run the handler on a CloudFormation event; prints the answer sent",
            "  validate [--packager v1|v2] FILE...    check encoding profiles (v2: as rendered for CMAF ingest);"
                    + " prints each problem with its JSON path",
            "  " + RenderCommand.USAGE,
            "                                         print the CreateChannel request (aws medialive create-channel"
                    + " --cli-input-json) without calling AWS");
    private final PrintStream out;
    private final PrintStream err;

    public Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
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
            return 2;
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
            return 1;
        }
        // Logs go to stderr so that stdout carries only the answer, for scripts to read.
        Handler handler = new Handler(Managers::standard, new ResponseSender(), new JsonLog(System.err),
                Handler.DEFAULT_SAFETY_MARGIN);
        byte[] sent = handler.handle(event, new LocalContext(remaining));
        if (sent == null) {
            err.println("the event has no ResponseURL; nothing was sent");
            return 1;
        }
        out.println(new String(sent, StandardCharsets.UTF_8));
        return 0;
    }

    /** A command line that does not parse; its message says what is wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
