package io.multistep.spec;

import org.apiguardian.api.API;

/**
 * A secret definition from the task's {@code secrets} list. Its value is resolved at render time
 * and referenced as {@code {{.Secrets.<id>}}}.
 *
 * @param id the secret id (no whitespace, unique)
 * @param keyvault an Azure Key Vault secret URL, or empty
 * @param clientID a managed-identity client id (a UUID), or empty
 * @param aadResourceId the hidden {@code aadresourceid} key (an MSI secret), or empty
 * @param location where the definition starts
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Secret(String id, String keyvault, String clientID, String aadResourceId, SourceLocation location) {}
