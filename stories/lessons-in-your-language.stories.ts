import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';

/**
 * The lesson's widgets in each shipped language: `lang` on a wrapper is all a page needs; each element loads its
 * language's table and formats numbers for it.
 */
const meta: Meta = {
  title: 'Lessons/In your language',
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

const lesson = (lang: string) => html`
  <div lang=${lang}>
    <conv-calculator input-size="28" kernel-size="3"></conv-calculator>
    <kernel-viewer></kernel-viewer>
    <model-summary model="cnn" input-shape="1x28x28"></model-summary>
    <cnn-trainer model="cnn" epochs="1" train-size="2000"></cnn-trainer>
  </div>
`;

export const Spanish: Story = { name: 'Español (es)', render: () => lesson('es') };
export const French: Story = { name: 'Français (fr)', render: () => lesson('fr') };
export const German: Story = { name: 'Deutsch (de)', render: () => lesson('de') };
export const Chinese: Story = { name: '简体中文 (zh-CN)', render: () => lesson('zh-CN') };
export const Japanese: Story = { name: '日本語 (ja)', render: () => lesson('ja') };
