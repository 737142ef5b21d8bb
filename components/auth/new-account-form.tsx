"use client";

import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/text-input";
import styles from "./sign-in.module.css";

export type TNewAccount = { email: string; name: string; password: string };

/**
 * Name and password for a new account (or a new password alone). The server judges the password (12+ characters, a
 * zxcvbn strength score); its reason is shown under the field, where the person is looking.
 */
export function NewAccountForm(props: {
  /** The invited or reset account's email, shown read-only; null asks for one (sign-up). */
  email: string | null;
  submitLabel: string;
  askName?: boolean;
  error?: string;
  isBusy: boolean;
  onSubmit: (account: TNewAccount) => void;
}) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const isMismatch = confirm !== "" && confirm !== password;
  return (
    <form
      className={styles.fields}
      onSubmit={(event) => {
        event.preventDefault();
        if (!isMismatch) props.onSubmit({ email: props.email ?? email, name, password });
      }}
    >
      <Field label="Email">
        {props.email === null
          ? <TextInput name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required autoFocus />
          : <TextInput value={props.email} readOnly autoComplete="username" />}
      </Field>
      {props.askName !== false && (
        <Field label="Your name">
          <TextInput name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required autoFocus={props.email !== null} />
        </Field>
      )}
      <Field label="Password">
        <TextInput name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
      </Field>
      <Field label="Repeat password">
        <TextInput name="confirm" type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" required />
      </Field>
      <p className={styles.hint}>At least {MIN_PASSWORD_LENGTH} characters; a few uncommon words make a strong password.</p>
      <div className={styles.errorSlot}>
        {isMismatch ? <Alert>The two passwords differ.</Alert> : props.error && <Alert>{props.error}</Alert>}
      </div>
      <Button type="submit" variant="primary" disabled={props.isBusy || isMismatch}>
        {props.isBusy ? "Please wait…" : props.submitLabel}
      </Button>
    </form>
  );
}
