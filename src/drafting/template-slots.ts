/** The slots a template may use; documented for clinics in prompts/templates/README.md. */
export interface TemplateView {
  clinic_name: string;
  clinic_phone: string;
  /** Who follows up, written to start a sentence. */
  follow_up: string;
  urgent: boolean;
  medicine?: string;
  refills_left?: number;
  has_refills: boolean;
  no_refills: boolean;
  result_name?: string;
  result_value?: string;
  result_range?: string;
  result_date?: string;
  result_before?: string;
  result_high: boolean;
  result_low: boolean;
  result_normal: boolean;
  result_very_high: boolean;
  result_very_low: boolean;
  result_outside: boolean;
  appointment_date?: string;
  appointment_time?: string;
  appointment_with?: string;
}

export const TEMPLATE_SLOTS: ReadonlySet<string> = new Set<keyof TemplateView>([
  'clinic_name',
  'clinic_phone',
  'follow_up',
  'urgent',
  'medicine',
  'refills_left',
  'has_refills',
  'no_refills',
  'result_name',
  'result_value',
  'result_range',
  'result_date',
  'result_before',
  'result_high',
  'result_low',
  'result_normal',
  'result_very_high',
  'result_very_low',
  'result_outside',
  'appointment_date',
  'appointment_time',
  'appointment_with',
]);
