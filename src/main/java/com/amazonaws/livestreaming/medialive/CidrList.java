package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Redaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IPv4 CIDR blocks a push input accepts streams from. There is deliberately no default: a push input open to
 * the whole internet ({@code 0.0.0.0/0}) is something a template author must write out, never something they get
 * by leaving a parameter empty.
 *
 * @param blocks distinct blocks in the order given
 */
record CidrList(List<String> blocks) {
    static final String PROPERTY = "Cidr";
    /** MediaLive's quota on whitelist rules in one input security group. */
    static final int MAX_BLOCKS = 10;

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public CidrList {
        blocks = List.copyOf(blocks);
    }

    /** The blocks in {@code Cidr}: one or more comma-separated {@code a.b.c.d/n}; required. */
    public static CidrList from(Properties properties) {
        List<String> given = properties.list(PROPERTY);
        if (given.isEmpty()) {
            throw new InvalidPropertyException(
                    PROPERTY,
                    PROPERTY + " is required for push inputs: one or more"
                            + " comma-separated IPv4 CIDR blocks the encoder pushes from, e.g. 203.0.113.0/24"
                            + " (0.0.0.0/0 opens the input to everyone and must be given explicitly)");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String block : given) {
            distinct.add(check(block));
        }
        if (distinct.size() > MAX_BLOCKS) {
            throw new InvalidPropertyException(
                    PROPERTY,
                    PROPERTY + " has " + distinct.size() + " CIDR blocks; MediaLive allows at most " + MAX_BLOCKS
                            + " in one input security group");
        }
        return new CidrList(List.copyOf(distinct));
    }

    private static String check(String block) {
        Matcher m = CIDR.matcher(block);
        boolean valid = m.matches();
        for (int i = 1; valid && i <= 4; i++) {
            valid = Integer.parseInt(m.group(i)) <= 255;
        }
        if (valid) {
            valid = Integer.parseInt(m.group(5)) <= 32;
        }
        if (!valid) {
            throw new InvalidPropertyException(
                    PROPERTY,
                    PROPERTY + " has '" + Redaction.shorten(block, 48)
                            + "', which is not an IPv4 CIDR block like 203.0.113.0/24");
        }
        return block;
    }
}
