package io.multistep.runner;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags that decide how a task file is rendered: shared by {@code exec}, {@code render},
 * {@code validate} and {@code graph}. Names and meanings follow the reference's {@code acb exec}.
 */
final class RenderFlags {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The task file (default: acb.yaml when --encoded-file is not given).")
    String file;

    @Option(names = "--encoded-file", paramLabel = "BASE64", description = "The task file as base64 text.")
    String encodedFile;

    @Option(names = "--values", paramLabel = "FILE", description = "A YAML values file for {{.Values}}.")
    String values;

    @Option(names = "--encoded-values", paramLabel = "BASE64",
            description = "The values file as base64 text (used when --values is not given).")
    String encodedValues;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Sets a value (repeatable); the value is always a string, commas are not separators.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "The run id ({{.Run.ID}}).")
    String id = "";

    @Option(names = {"-r", "--registry"}, paramLabel = "HOST", description = "The registry ({{.Run.Registry}}).")
    String registry = "";

    @Option(names = {"-c", "--commit"}, paramLabel = "SHA", description = "The commit ({{.Run.Commit}}).")
    String commit = "";

    @Option(names = "--branch", paramLabel = "NAME", description = "The branch ({{.Run.Branch}}).")
    String branch = "";

    @Option(names = "--repository", paramLabel = "NAME", description = "The repository ({{.Run.Repository}}).")
    String repository = "";

    @Option(names = "--git-tag", paramLabel = "TAG", description = "The Git tag ({{.Run.GitTag}}).")
    String gitTag = "";

    @Option(names = "--triggered-by", paramLabel = "WHO", description = "What triggered the run ({{.Run.TriggeredBy}}).")
    String triggeredBy = "";

    @Option(names = "--os-version", paramLabel = "VERSION", description = "The OS version ({{.Run.OSVersion}}).")
    String osVersion = "";

    @Option(names = "--homevol", paramLabel = "VOLUME",
            description = "A Docker volume to use as the shared /workspace ({{.Run.SharedVolume}}).")
    String homeVolume = "";

    @Option(names = "--date", paramLabel = "ISO-8601",
            description = "The run's start time, for reproducible renders (default: now).")
    String date;

    @Option(names = "--alias", paramLabel = "NAME=IMAGE",
            description = "Overrides an image alias such as bash or curl (repeatable).")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--template-extras",
            description = "Also defines the template functions Multistep adds beyond Sprig v2.22 (dig, fromJson, "
                    + "must*, seq, ...); files using them fail in the reference.")
    boolean templateExtras;
}
