package io.multistep.runner;

import io.multistep.engine.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values on a command line ({@code --secret ID=VALUE}, the password of a
 * {@code --credential}), so that a usage error that quotes the command line masks them.
 */
final class ArgumentSecrets {

    private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ArgumentSecrets() {}

    /** A masker for the secret values among these arguments (whatever follows a secret flag). */
    static SecretMasker masker(String[] argv) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            for (String flag : new String[] {"--secret", "--credential"}) {
                String value = null;
                if (a.equals(flag) && i + 1 < argv.length) {
                    value = argv[i + 1];
                } else if (a.startsWith(flag + "=")) {
                    value = a.substring(flag.length() + 1);
                }
                if (value != null) {
                    values.add(value);
                    int eq = value.indexOf('=');
                    if (flag.equals("--secret") && eq >= 0) {
                        values.add(value.substring(eq + 1));
                    }
                    Matcher m = PASSWORD.matcher(value);
                    while (m.find()) {
                        values.add(m.group(1));
                    }
                }
            }
        }
        return SecretMasker.of(values);
    }
}
