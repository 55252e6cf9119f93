import { useId, type ReactElement, type ReactNode } from "react";
import { Slot } from "radix-ui";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** What FormField hands its control so the label, hint and error are announced with it. */
export type FormControlProps = {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  "aria-required": true | undefined;
};

export type FormFieldProps = {
  label: ReactNode;
  /** A hint under the control. */
  description?: ReactNode;
  /** The field's error (react-hook-form: `errors.name?.message`, which zod fills). Empty means valid. */
  error?: string | null;
  required?: boolean;
  /** Use the control's own id instead of a generated one. */
  id?: string;
  /** Put the label after the control on one line: for checkboxes and switches. */
  inline?: boolean;
  className?: string;
  /**
   * Either one element (it receives id, aria-describedby, aria-invalid through a Slot), or a
   * function that spreads the props itself: `{(p) => <Input {...p} {...register("name")} />}`.
   */
  children: ReactElement | ((control: FormControlProps) => ReactNode);
};

export function FormField({
  label,
  description,
  error,
  required = false,
  id,
  inline = false,
  className,
  children,
}: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? `${generated}-control`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const hasError = typeof error === "string" && error.length > 0;
  const describedBy = [description ? descriptionId : null, hasError ? errorId : null]
    .filter(Boolean)
    .join(" ");

  const control: FormControlProps = {
    id: controlId,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": hasError || undefined,
    "aria-required": required || undefined,
  };

  const rendered =
    typeof children === "function" ? children(control) : <Slot.Root {...control}>{children}</Slot.Root>;
  const labelNode = (
    <Label htmlFor={controlId} className={cn(inline && "font-normal")}>
      {label}
      {required ? (
        <span aria-hidden="true" className="text-danger">
          *
        </span>
      ) : null}
    </Label>
  );

  return (
    <div
      data-slot="form-field"
      data-invalid={hasError || undefined}
      className={cn("grid content-start gap-2", className)}
    >
      {inline ? (
        <div className="flex items-center gap-2.5">
          {rendered}
          {labelNode}
        </div>
      ) : (
        <>
          {labelNode}
          {rendered}
        </>
      )}
      {description ? (
        <p id={descriptionId} className="text-[13px] leading-snug text-muted-foreground">
          {description}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} role="alert" className="text-[13px] leading-snug font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
