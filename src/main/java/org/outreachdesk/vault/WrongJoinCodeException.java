package org.outreachdesk.vault;

/** The join code does not open the join file (a typing mistake, another invitation's code, or an altered file). */
public final class WrongJoinCodeException extends VaultException {
    public WrongJoinCodeException() {
        super("the join code does not open this join file; check the code shown on the hub for this laptop");
        keyed("join.wrongCode");
    }
}
