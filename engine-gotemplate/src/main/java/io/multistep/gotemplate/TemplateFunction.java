package io.multistep.gotemplate;

import org.apiguardian.api.API;

/**
 * An extra function for {@link GoTemplate}: receives the evaluated arguments (data-model
 * values) and returns a value; throwing makes the call fail as a Go function returning an
 * error does ({@code error calling NAME: MESSAGE}).
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface TemplateFunction {

    /** Calls the function. */
    Object call(Object... args) throws Exception;
}
