-- Issue 18: Turkish, Polish and Ukrainian join Dutch, English and Arabic.
ALTER TYPE "Locale" ADD VALUE 'tr';
ALTER TYPE "Locale" ADD VALUE 'pl';
ALTER TYPE "Locale" ADD VALUE 'uk';
