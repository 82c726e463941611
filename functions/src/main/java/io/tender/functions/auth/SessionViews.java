package io.tender.functions.auth;

import io.tender.core.user.UserAccounts;
import java.util.LinkedHashMap;
import java.util.Map;

/** A session as the sign-in and MFA routes return it. */
final class SessionViews {
  private SessionViews() {}

  static Map<String, Object> session(UserAccounts.SignedIn signedIn) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("token", signedIn.token());
    view.put("expiresAt", signedIn.expiresAt().toString());
    view.put("mfaEnabled", signedIn.mfaEnabled());
    view.put("mfaVerified", signedIn.mfaVerified());
    return view;
  }
}
