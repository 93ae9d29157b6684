package io.multistep.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multistep.engine.spi.RegistryCredential;
import java.util.Locale;

/**
 * Parses the reference's {@code --credential} JSON (execution.md §8) into a resolved credential.
 * Only {@code opaque} credentials carry their values; vault and managed-identity credentials need
 * Azure and are refused with a clear message.
 */
final class Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Credentials() {}

    /**
     * Parses one {@code --credential} value.
     *
     * @param json the flag's value
     * @return the credential
     * @throws IllegalArgumentException with the reference's message when the value is invalid
     */
    static RegistryCredential parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("unable to unmarshal Credentials from string: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("unable to unmarshal Credentials from string: not a JSON object");
        }
        String registry = text(node, "registry");
        String username = text(node, "username");
        String password = text(node, "password");
        String userType = text(node, "userNameProviderType").toLowerCase(Locale.ROOT);
        String passwordType = text(node, "passwordProviderType").toLowerCase(Locale.ROOT);
        String identity = text(node, "identity");
        String aadResourceId = text(node, "aadResourceId");
        if (registry.isEmpty()) {
            throw new IllegalArgumentException("registry name can't be empty");
        }
        if (userType.equals("opaque") && passwordType.equals("opaque")) {
            if (username.isEmpty()) {
                throw new IllegalArgumentException("username can't be empty");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password can't be empty");
            }
            return new RegistryCredential(registry, username, password);
        }
        if (userType.equals("vaultsecret") || passwordType.equals("vaultsecret")) {
            if (username.isEmpty()) {
                throw new IllegalArgumentException("username can't be empty");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password can't be empty");
            }
            if (identity.isEmpty()) {
                throw new IllegalArgumentException("identity can't be empty");
            }
            throw new IllegalArgumentException("credential for " + registry
                    + ": Key Vault credentials (vaultsecret) need Azure managed identity, which this runner does not support yet");
        }
        if (userType.isEmpty() && passwordType.isEmpty()) {
            if (identity.isEmpty()) {
                throw new IllegalArgumentException("identity can't be empty");
            }
            if (aadResourceId.isEmpty()) {
                throw new IllegalArgumentException("aadResourceId can't be empty");
            }
            throw new IllegalArgumentException("credential for " + registry
                    + ": managed-identity (MSI) credentials need Azure, which this runner does not support yet");
        }
        throw new IllegalArgumentException("unable to classify credential into opaque, vault or msi");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
