/** The shortest password a person may set; the server's policy and the forms' hints read it from here. */
export const MIN_PASSWORD_LENGTH = 12;
