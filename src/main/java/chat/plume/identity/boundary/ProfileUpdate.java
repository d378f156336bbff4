package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /me}: the whole editable profile; an omitted optional field is cleared. */
public record ProfileUpdate(
        @NotNull
        @Size(max = AccountRules.DISPLAY_NAME_MAX)
        @Pattern(regexp = AccountRules.VISIBLE_TEXT, message = "must not be blank or contain control characters")
        String displayName,

        @Size(max = AccountRules.SIGNATURE_MAX)
        @Pattern(regexp = AccountRules.OPTIONAL_TEXT, message = "must not contain control characters")
        String signature,

        @Pattern(regexp = AccountRules.GENDER, message = "must be male, female or other")
        String gender,

        @Size(max = AccountRules.REGION_MAX)
        @Pattern(regexp = AccountRules.OPTIONAL_TEXT, message = "must not contain control characters")
        String region,

        @Pattern(regexp = AccountRules.PHONE, message = "must be a phone number")
        String phone) {}
