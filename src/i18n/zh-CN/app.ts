import type { AppText } from '../types/app';

export const app: AppText = {
  placeholder: 'zh-CN',
};
