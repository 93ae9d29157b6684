package io.multistep.gotemplate;

import org.apiguardian.api.API;


/**
 * A failure of one of the rendering stages. {@link #goMessage()} is the reference runner's
 * text for the stage (errors.md R-x, A-x, C-5/C-6) without the stage prefix that
 * {@code acb exec} adds; {@link #referenceMessage()} includes that prefix;
 * {@link #location()} points into the authored file.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The stage that failed; it decides the prefix {@code acb exec} adds. */
    public enum Stage {
        /** Rendering the alias block: prefix {@code unable to render alias data}. */
        ALIAS_RENDER("unable to render alias data"),
        /** Building the alias map or substituting: {@code unable to search/replace aliases in task}. */
        ALIAS_RESOLVE("unable to search/replace aliases in task"),
        /** Rendering the document: {@code unable to render task}. */
        RENDER("unable to render task"),
        /** Loading values or parsing --set: {@code error while loading exec steps}. */
        VALUES("error while loading exec steps");

        private final String prefix;

        Stage(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix acb exec puts before the message. */
        public String prefix() {
            return prefix;
        }
    }

    private final transient TemplateLocation location;
    private final String goMessage;
    private final Stage stage;

    /**
     * Creates an exception.
     *
     * @param stage failing stage
     * @param location where in the authored file, or {@link TemplateLocation#UNKNOWN}
     * @param goMessage the reference runner's message text for this stage
     */
    public TemplateException(Stage stage, TemplateLocation location, String goMessage) {
        super(location.isKnown() ? location + ": " + goMessage
                : (location.file().isEmpty() ? goMessage : location.file() + ": " + goMessage));
        this.stage = stage;
        this.location = location;
        this.goMessage = goMessage;
    }

    /** Where in the authored file the problem is (may be {@link TemplateLocation#UNKNOWN}). */
    public TemplateLocation location() {
        return location;
    }

    /** The reference's message text without the stage prefix. */
    public String goMessage() {
        return goMessage;
    }

    /** The failing stage. */
    public Stage stage() {
        return stage;
    }

    /** {@code stage prefix + ": " + goMessage}, as acb exec prints it. */
    public String referenceMessage() {
        return stage.prefix() + ": " + goMessage;
    }
}
