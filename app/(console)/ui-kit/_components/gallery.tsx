"use client";

import { useState, type ReactNode } from "react";
import { ArrowUpDown, Copy, MoreHorizontal, Pause, Pencil, Play, Plus, Sparkles, Trash2 } from "lucide-react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Separator } from "@/components/ui/separator";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { Toaster, toast } from "@/components/ui/toast";
import { Tooltip } from "@/components/ui/tooltip";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3">
      <h2 className="text-xs font-semibold tracking-wider text-muted-foreground uppercase">{title}</h2>
      {children}
    </section>
  );
}

const rows = [
  { name: "Homepage hero", status: "running", experiences: 3, exposures: "12,480" },
  { name: "Checkout banner", status: "paused", experiences: 2, exposures: "3,211" },
  { name: "Pricing table", status: "draft", experiences: 1, exposures: "—" },
] as const;

const statusBadge = { running: "success", paused: "warning", draft: "neutral" } as const;

export function Gallery() {
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const nameError = name.includes(" ") ? "Use letters, digits, - and _ only: spaces are not allowed." : null;

  return (
    <main className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)] gap-10 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">UI kit</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          The primitives of components/ui, for development.
        </p>
      </header>

      <Section title="Buttons">
        <div className="flex flex-wrap items-center gap-2">
          <Button>
            <Plus /> New personalization
          </Button>
          <Button variant="secondary">Secondary</Button>
          <Button variant="outline">Outline</Button>
          <Button variant="ghost">Ghost</Button>
          <Button variant="destructive">
            <Trash2 /> Delete
          </Button>
          <Button variant="link">Link</Button>
          <Button
            loading={saving}
            onClick={() => {
              setSaving(true);
              setTimeout(() => setSaving(false), 1500);
            }}
          >
            {saving ? "Saving…" : "Save (loading)"}
          </Button>
          <Button disabled>Disabled</Button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm">Small</Button>
          <Button size="md">Medium</Button>
          <Button size="lg">Large</Button>
          <Tooltip content="Copy key">
            <Button size="icon" variant="outline" aria-label="Copy key">
              <Copy />
            </Button>
          </Tooltip>
          <Button size="icon-sm" variant="ghost" aria-label="Edit">
            <Pencil />
          </Button>
          <Button asChild variant="outline">
            <a href="#forms">asChild link</a>
          </Button>
          <Spinner />
        </div>
      </Section>

      <Section title="Badges">
        <div className="flex flex-wrap gap-2">
          <Badge variant="success" dot>
            Running
          </Badge>
          <Badge variant="warning" dot>
            Paused
          </Badge>
          <Badge dot>Draft</Badge>
          <Badge variant="danger">Failed</Badge>
          <Badge variant="info">Needs setup</Badge>
          <Badge variant="primary">Primary metric</Badge>
          <Badge variant="outline">homepage</Badge>
        </div>
      </Section>

      <Section title="Alerts">
        <Alert variant="info">
          <AlertTitle>Control group</AlertTitle>
          <AlertDescription>5% of traffic sees the original page. We recommend 5%.</AlertDescription>
        </Alert>
        <Alert
          variant="warning"
          action={
            <Button size="sm" variant="outline">
              Review
            </Button>
          }
        >
          <AlertTitle>Sample ratio mismatch</AlertTitle>
          <AlertDescription>
            The split differs from the configured control share (p &lt; 0.001).
          </AlertDescription>
        </Alert>
        <Alert variant="danger">
          <AlertTitle>Could not save</AlertTitle>
          <AlertDescription>The selector &quot;home hero&quot; has a space.</AlertDescription>
        </Alert>
        <Alert variant="success">
          <AlertDescription>Personalization started.</AlertDescription>
        </Alert>
      </Section>

      <Section title="Forms">
        <Card id="forms">
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField
              label="API selector"
              description="Letters, digits, - and _. choose-api asks for it by this name."
              error={nameError}
              required
            >
              <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="homepage-hero" />
            </FormField>
            <FormField label="Time zone">
              {(p) => (
                <Select defaultValue="UTC">
                  <SelectTrigger {...p}>
                    <SelectValue placeholder="Choose a time zone" />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="UTC">UTC</SelectItem>
                    <SelectItem value="Europe/Paris">Europe/Paris</SelectItem>
                    <SelectItem value="America/New_York">America/New_York</SelectItem>
                    <SelectItem value="Asia/Tokyo">Asia/Tokyo</SelectItem>
                  </SelectContent>
                </Select>
              )}
            </FormField>
            <FormField label="Description" description="Optional." className="sm:col-span-2">
              <Textarea placeholder="What this personalization is for" />
            </FormField>
            <FormField label="Start immediately" inline>
              <Switch defaultChecked />
            </FormField>
            <FormField label="Use as primary metric" inline>
              <Checkbox defaultChecked />
            </FormField>
          </CardContent>
        </Card>
      </Section>

      <Section title="Overlays">
        <div className="flex flex-wrap gap-2">
          <Dialog>
            <DialogTrigger asChild>
              <Button variant="outline">Open dialog</Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>Save as template</DialogTitle>
                <DialogDescription>New experiences can start from this payload.</DialogDescription>
              </DialogHeader>
              <DialogBody>
                <FormField label="Template name" required>
                  <Input placeholder="Hero banner" />
                </FormField>
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Cancel</Button>
                </DialogClose>
                <Button>Save template</Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button variant="outline">Revoke key…</Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Revoke this key?</AlertDialogTitle>
                <AlertDialogDescription>
                  Servers using it get 401 at once. This cannot be undone.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <AlertDialogAction variant="destructive">Revoke key</AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline">
                Actions <MoreHorizontal />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start">
              <DropdownMenuLabel>Personalization</DropdownMenuLabel>
              <DropdownMenuItem>
                <Play /> Start
              </DropdownMenuItem>
              <DropdownMenuItem>
                <Pause /> Pause
              </DropdownMenuItem>
              <DropdownMenuItem>
                <Copy /> Duplicate <DropdownMenuShortcut>⌘D</DropdownMenuShortcut>
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive">
                <Trash2 /> Archive
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <Popover>
            <PopoverTrigger asChild>
              <Button variant="outline">Popover</Button>
            </PopoverTrigger>
            <PopoverContent>
              <p className="font-medium">Liquid variables</p>
              <p className="mt-1 text-muted-foreground">Use {"{{ user.firstName }}"} in a payload.</p>
            </PopoverContent>
          </Popover>
          <Button
            variant="outline"
            onClick={() => toast.success("Personalization saved", { description: "Draft · 3 experiences" })}
          >
            Toast
          </Button>
          <Button variant="outline" onClick={() => toast.error("Could not reach the database")}>
            Error toast
          </Button>
        </div>
      </Section>

      <Section title="Tabs and table">
        <Tabs defaultValue="experiences">
          <TabsList>
            <TabsTrigger value="experiences">Experiences</TabsTrigger>
            <TabsTrigger value="metrics">Metrics</TabsTrigger>
            <TabsTrigger value="settings">Settings</TabsTrigger>
            <TabsTrigger value="results">Results</TabsTrigger>
            <TabsTrigger value="history">History</TabsTrigger>
          </TabsList>
          <TabsContent value="experiences">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>
                    <Checkbox aria-label="Select all" />
                  </TableHead>
                  <TableHead>
                    <span className="inline-flex items-center gap-1">
                      Name <ArrowUpDown className="size-3" />
                    </span>
                  </TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Experiences</TableHead>
                  <TableHead className="text-right">Exposures (7 d)</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.name}>
                    <TableCell>
                      <Checkbox aria-label={`Select ${r.name}`} />
                    </TableCell>
                    <TableCell className="font-medium">{r.name}</TableCell>
                    <TableCell>
                      <Badge variant={statusBadge[r.status]} dot className="capitalize">
                        {r.status}
                      </Badge>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.experiences}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.exposures}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableCaption>3 personalizations</TableCaption>
            </Table>
          </TabsContent>
          <TabsContent value="metrics">
            <EmptyState
              variant="plain"
              icon={Sparkles}
              title="No metrics"
              description="Add a primary metric."
            />
          </TabsContent>
        </Tabs>
      </Section>

      <Section title="Card, skeleton, separator">
        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Control</CardTitle>
              <CardDescription>Share of traffic that sees the original page.</CardDescription>
              <CardAction>
                <Button size="sm" variant="outline">
                  Edit
                </Button>
              </CardAction>
            </CardHeader>
            <CardContent className="text-3xl font-semibold tabular-nums">5%</CardContent>
            <CardFooter className="text-xs text-muted-foreground">Applied to every experience</CardFooter>
          </Card>
          <Card>
            <CardContent className="grid gap-3">
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-4 w-3/4" />
              <Separator className="my-2" />
              <Skeleton className="h-8 w-24" />
            </CardContent>
          </Card>
        </div>
      </Section>
      <Toaster />
    </main>
  );
}
